// nock 15 needs Promise.withResolvers, which Node 20 lacks: install it for every test file.
import { installPromiseWithResolvers } from './packages/testkit/src/nock/promise-with-resolvers.js';

installPromiseWithResolvers();
