import * as path from 'node:path';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import { SETTINGS_SECTION, type Settings } from '../protocol';
import { fsPathOf } from '../service/common/documentPaths';
import type { DocumentContext } from '../service/languageService';
import { normalizeSettings } from '../service/settings';

/**
 * What the server knows about the editor's workspace: its folders (as file paths, computed once
 * per change), the client's capabilities, and settings (per document and workspace-wide, cached
 * until the configuration changes). Every handler asks this one place.
 */
export class WorkspaceState {
  private folders: WorkspaceFolder[] = [];
  private rootPaths: string[] = [];
  private readonly documentSettings = new Map<string, Promise<Settings>>();
  private globalSettings: Promise<Settings> | undefined;
  configurationPull = false;
  pullDiagnostics = false;
  workDoneProgress = false;

  constructor(private readonly connection: Connection) {}

  setFolders(folders: WorkspaceFolder[]): void {
    this.folders = folders;
    this.rootPaths = folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
  }

  changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    this.setFolders(this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)).concat(added));
  }

  /** The workspace folders as file paths. */
  get roots(): readonly string[] {
    return this.rootPaths;
  }

  /** The innermost workspace folder that holds a document. */
  rootOf(uri: string): string | undefined {
    const fsPath = fsPathOf(uri);
    if (!fsPath) return undefined;
    let best: string | undefined;
    for (const root of this.rootPaths) {
      const inside = fsPath === root || fsPath.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
      if (inside && (!best || root.length > best.length)) best = root;
    }
    return best;
  }

  /** Settings for one document (resource-scoped settings may differ per folder). */
  settingsFor(uri: string): Promise<Settings> {
    if (!this.configurationPull) return Promise.resolve(normalizeSettings({}));
    let pending = this.documentSettings.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, () => normalizeSettings({}));
      this.documentSettings.set(uri, pending);
    }
    return pending;
  }

  /** Workspace-wide settings (notes folders, quiz limits). */
  settings(): Promise<Settings> {
    if (!this.configurationPull) return Promise.resolve(normalizeSettings({}));
    this.globalSettings ??= this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION }).then(normalizeSettings, () => normalizeSettings({}));
    return this.globalSettings;
  }

  async contextFor(uri: string): Promise<DocumentContext> {
    return { settings: await this.settingsFor(uri), workspaceRoot: this.rootOf(uri) };
  }

  forgetDocument(uri: string): void {
    this.documentSettings.delete(uri);
  }

  configurationChanged(): void {
    this.documentSettings.clear();
    this.globalSettings = undefined;
  }
}

/** Runs one request's work so that a failure is logged and answered with a fallback, never a crash. */
export function guard(connection: Connection) {
  return async function guarded<T>(what: string, fallback: T, work: () => Promise<T> | T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
}

export type Guarded = ReturnType<typeof guard>;
