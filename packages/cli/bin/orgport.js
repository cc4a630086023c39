#!/usr/bin/env node
// The installed `orgport` command: a fixed file, so package managers can link it before
// the TypeScript build has produced dist/.
import '../dist/bin.js';
