import type { z } from 'zod';
import type { Capabilities } from '../capabilities/capabilities.js';
import type { HttpTransportOptions } from '../http/http-client.js';
import type { Adapter } from '../ports/adapter.js';

/** What to seed a vendor simulator with. */
export interface VendorSimulatorSeed {
  /** Fixture seed. */
  readonly seed: number;
  /** Organizations to create. */
  readonly organizations: number;
  /** Members per organization. */
  readonly membersPerOrg: number;
}

/** What a vendor simulator holds when it starts. */
export type VendorSimulatorPreset =
  /** The fixtures as a tenant: organizations, people, roles and kinds. */
  | 'tenant'
  /**
   * The same organizations (and products), nine in ten of the people already members but
   * without any roles or groups: a target halfway through onboarding from another vendor.
   */
  | 'half-onboarded';

/** Request counts of a running simulator. */
export interface VendorSimulatorStats {
  /** Requests answered. */
  readonly requests: number;
  /** Of which writes (POST, PUT, PATCH, DELETE). */
  readonly writes: number;
}

/** A vendor simulator started through its {@link VendorDefinition}. */
export interface RunningVendorSimulator {
  /** Its origin on 127.0.0.1. */
  readonly url: string;
  /** What it has answered so far. */
  readonly stats: VendorSimulatorStats;
  /** Connection settings that reach it (they hold its secret: store them, never print them). */
  readonly connection: Readonly<Record<string, string>>;
  /** Stops it. */
  close(): Promise<void>;
}

/** A vendor's local simulator, loaded on demand (`orgport sim`, `orgport demo`). */
export interface VendorSimulator {
  /**
   * Starts a seeded simulator on 127.0.0.1 (`port` 0: any free port). A preset the vendor's
   * simulator cannot build fails with `unsupported`.
   */
  start(options: {
    readonly fixtures: VendorSimulatorSeed;
    readonly port?: number | undefined;
    readonly preset?: VendorSimulatorPreset | undefined;
  }): Promise<RunningVendorSimulator>;
}

/**
 * The part of a vendor that needs its adapter's code: the connection schema and the
 * adapter factory. A {@link VendorDefinition} loads it on demand.
 *
 * @typeParam Settings - the connection settings, as a config file or the environment gives them
 */
export interface VendorConnector<Settings extends object = Record<string, unknown>> {
  /**
   * Connection settings as a config file or the environment gives them (plain JSON values,
   * no transport settings). Strict: an unknown key is an error, not ignored.
   */
  readonly connectionSchema: z.ZodType<Settings>;
  /** Builds the adapter from validated settings and transport overrides. */
  create(settings: Settings, http?: HttpTransportOptions): Adapter;
}

/**
 * Everything a tool needs to know about one vendor, exported by its adapter package as one
 * value: the CLI iterates a registry of these, so adding a vendor is one folder and one
 * registry line. It is cheap to import (names, manifest, environment variables); the
 * adapter's code and the simulator load only when a tool asks for them, so a command that
 * only reads manifests starts as fast as Node itself allows.
 *
 * @typeParam Settings - the connection settings, as a config file or the environment gives them
 */
export interface VendorDefinition<Settings extends object = Record<string, unknown>> {
  /** Stable vendor name, e.g. `auth0`; the adapter's `name`. */
  readonly name: string;
  /** One line saying what the vendor is. */
  readonly title: string;
  /** The adapter's capability manifest. */
  readonly capabilities: Capabilities;
  /** Setting name → the environment variable that gives it (e.g. `clientSecret` → `ORGPORT_AUTH0_CLIENT_SECRET`). */
  readonly environment: Readonly<Record<string, string>>;
  /** Loads the connection schema and the adapter factory. */
  load(): Promise<VendorConnector<Settings>>;
  /** Loads the vendor's simulator; only tools that start simulators call it. */
  readonly loadSimulator?: (() => Promise<VendorSimulator>) | undefined;
}
