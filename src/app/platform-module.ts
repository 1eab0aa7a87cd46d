import type { Platform, PlatformIdentity } from "../ports/platform.js";
import type { AppDeps } from "./deps.js";

/** The settings a platform reads, as the environment gave them (src/config.ts reads the environment; each platform parses its own keys). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * What a chat platform plugs into Beacon: its name, how it names people, and
 * how to build it from its settings. Every platform under adapters/ exports
 * one; src/compose/platforms.ts lists them.
 */
export interface PlatformModule {
  identity: PlatformIdentity;
  /** The running platform if its settings configure it (undefined when they do not); puts its ChatPort in deps.chats. */
  build(env: Environment, deps: AppDeps): Promise<Platform | undefined>;
}

/** A platform's settings are present but wrong: one line naming what to fix. */
export class PlatformSettingsError extends Error {
  readonly code = "CONFIG.INVALID";
}

/** The platform refused Beacon's credentials: retrying cannot help, the operator must fix them (one line, exit 1). */
export class CredentialsRejected extends Error {
  readonly code = "STARTUP.FAILED";
}
