import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, type CompletionList, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { cfnResourceArns } from './data/resourceArns';
import { resourcesOf } from './policies';
import { entryValue, type TIntrinsic, type TNode, type TScalar } from './tree';

/**
 * Completion of the names a `!Ref` or `!GetAtt` can take, as the cursor sits in its argument:
 * the template's resources (and, for Ref, its parameters and the pseudo parameters), and for
 * GetAtt the attributes known for the resource's type (`Queue.Arn`).
 */

const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NoValue',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

export function referenceCompletion(template: TextDocument, root: TNode | undefined, position: Position): CompletionList | undefined {
  const offset = template.offsetAt(position);
  const found = argumentAt(root, offset, 0);
  if (!found) return undefined;
  const { intrinsic, scalar } = found;
  // Replace the name as written (names are safe even in [ ] or { }); a quoted or escaped argument is left to the user.
  const written = typeof scalar.value === 'string' ? scalar.value : '';
  const text = template.getText();
  const start = scalar.content ?? (scalar.value === null ? offset : text.startsWith(written, scalar.start) ? scalar.start : undefined);
  if (start === undefined) return undefined;
  const range = rangeOf(template, start, written.length);
  const items: CompletionItem[] = [];
  const resources = resourcesOf(root);
  if (intrinsic.name === 'Ref') {
    for (const resource of resources)
      items.push({ label: resource.name, kind: CompletionItemKind.Reference, detail: resource.type, textEdit: { range, newText: resource.name } });
    const parameters = entryValue(root, 'Parameters');
    if (parameters?.type === 'map') {
      for (const entry of parameters.entries)
        items.push({ label: entry.key, kind: CompletionItemKind.Variable, detail: 'Parameter', textEdit: { range, newText: entry.key } });
    }
    for (const name of PSEUDO_PARAMETERS)
      items.push({ label: name, kind: CompletionItemKind.Constant, detail: 'Pseudo parameter', textEdit: { range, newText: name } });
  } else {
    for (const resource of resources) {
      const attributes = Object.keys(cfnResourceArns(resource.type)?.attributes ?? {});
      for (const attribute of attributes) {
        const name = `${resource.name}.${attribute}`;
        items.push({ label: name, kind: CompletionItemKind.Property, detail: resource.type, textEdit: { range, newText: name } });
      }
      if (attributes.length === 0)
        items.push({ label: resource.name, kind: CompletionItemKind.Reference, detail: resource.type, textEdit: { range, newText: `${resource.name}.` } });
    }
  }
  return { isIncomplete: false, items };
}

/** The scalar argument of a `!Ref` or scalar `!GetAtt` that contains `offset`. */
function argumentAt(node: TNode | undefined, offset: number, depth: number): { intrinsic: TIntrinsic; scalar: TScalar } | undefined {
  if (!node || depth > 100 || offset < node.start || offset > node.end) return undefined;
  switch (node.type) {
    case 'map':
      for (const entry of node.entries) {
        const found = argumentAt(entry.value, offset, depth + 1);
        if (found) return found;
      }
      return undefined;
    case 'seq':
      for (const item of node.items) {
        const found = argumentAt(item, offset, depth + 1);
        if (found) return found;
      }
      return undefined;
    case 'intrinsic': {
      const argument = node.argument;
      if ((node.name === 'Ref' || node.name === 'Fn::GetAtt') && argument?.type === 'scalar' && argument.start <= offset && offset <= argument.end) {
        return { intrinsic: node, scalar: argument };
      }
      return argumentAt(argument, offset, depth + 1);
    }
    default:
      return undefined;
  }
}
