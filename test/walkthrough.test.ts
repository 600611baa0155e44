import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from '../server/src/protocol';
import { createLanguageService } from '../server/src/service/languageService';

/**
 * The AWS Study view and the Get Started walkthrough as package.json contributes them: the view
 * in its own activity-bar container, every step with its page (packaged) and a completion event,
 * every command link naming a command that exists, and the example policy the first step opens
 * showing the six mistakes the page promises.
 */

const root = path.resolve(__dirname, '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string };
  completionEvents?: string[];
}

interface Manifest {
  contributes: {
    commands: { command: string; icon?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string; icon: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
    menus?: Record<string, { command: string; when?: string }[]>;
    walkthroughs?: { id: string; title: string; steps: Step[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const VIEW = 'awsStudyHints.study';

describe('the AWS Study view and the walkthrough in package.json', () => {
  it('contributes the view in its own activity-bar container, with a product icon', () => {
    const container = manifest.contributes.viewsContainers?.activitybar?.find((c) => c.title === 'AWS Study');
    assert.ok(container, 'an "AWS Study" activity-bar container');
    assert.match(container.icon, /^\$\([a-z-]+\)$/);
    assert.deepEqual(
      manifest.contributes.views?.[container.id]?.map((v) => v.id),
      [VIEW],
    );
    for (const entry of manifest.contributes.menus?.['view/title'] ?? []) {
      assert.ok(Object.values(COMMANDS).includes(entry.command as never), `${entry.command} is a command of ours`);
      const command = manifest.contributes.commands.find((c) => c.command === entry.command);
      assert.ok(command?.icon, `${entry.command} has an icon for the title bar`);
    }
  });

  it('every step has a packaged page, a completion event and links to commands that exist', () => {
    const walkthrough = manifest.contributes.walkthroughs?.[0];
    assert.ok(walkthrough, 'a walkthrough');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['openPolicy', 'addNotes', 'startQuiz', 'studyView'],
    );
    const known = new Set<string>([...Object.values(COMMANDS), `${VIEW}.focus`, 'workbench.action.openSettings']);
    for (const step of walkthrough.steps) {
      const page = step.media.markdown;
      assert.ok(page && /^walkthrough\/[a-z-]+\.md$/.test(page), `${step.id}: a Markdown page under walkthrough/ (packaged by .vscodeignore)`);
      assert.ok(fs.existsSync(path.join(root, page)), `${page} exists`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has a completion event`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const link of links) assert.ok(known.has(link), `${step.id}: ${link} is a command`);
    }
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!walkthrough\/\*\.md$/m);
    assert.match(ignore, /^!walkthrough\/\*\.json$/m);
  });

  it('the example policy shows the six mistakes its page lists, each once', () => {
    const text = fs.readFileSync(path.join(root, 'walkthrough', 'example-policy.json'), 'utf8');
    // As the walkthrough opens it: an unsaved JSON document.
    const document = TextDocument.create('untitled:Untitled-1', 'json', 1, text);
    const codes = createLanguageService()
      .diagnostics(document)
      .map((d) => String(d.code));
    assert.deepEqual(codes.sort(), ['IAM011', 'IAM022', 'IAM031', 'IAM041', 'IAM042', 'IAM071']);
  });
});
