import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAnswersFile } from '../../../shared/library/answersFile';
import { formatIssue } from '../../../shared/library/fileErrors';
import { parsePlaybooksFile } from '../../../shared/library/playbooksFile';
import { mutationSchemas } from '../../../shared/mutations';
import type { DomainTable } from '../../../shared/mutations/store';
import { sameJson } from '../../../shared/mutators/common';

const LIBRARY_DIR = fileURLToPath(new URL('../../../resources/library/', import.meta.url));

/**
 * The library that ships with Calma (resources/library), as the rows a console's first start
 * imports. The server knows it so that a responder's machine may seed it (its approvals are
 * Calma's, not the responder's), and so that nobody becomes the "author" of a shipped revision.
 * Rows are normalised through the import mutations' own schemas, exactly as a device sends them.
 */
export class ShippedLibrary {
  private constructor(private readonly rows: Map<string, Record<string, unknown>>) {}

  static load(dir: string = LIBRARY_DIR): ShippedLibrary {
    const rows = new Map<string, Record<string, unknown>>();
    const add = (table: DomainTable, list: readonly { id: string }[]) => {
      for (const row of list) rows.set(`${table}\u0000${row.id}`, row as unknown as Record<string, unknown>);
    };
    const answers = parseAnswersFile('resources/library/answers.yaml', readFileSync(`${dir}/answers.yaml`, 'utf8'));
    if (!answers.ok) throw new Error(`the shipped answer library is invalid:\n${answers.issues.map(formatIssue).join('\n')}`);
    const a = mutationSchemas['library.import'].parse({ source: 'shipped', ...answers.value });
    add('answers', a.answers);
    add('answerRevisions', a.revisions);
    add('approvals', a.approvals);
    const playbooks = parsePlaybooksFile('resources/library/playbooks.yaml', readFileSync(`${dir}/playbooks.yaml`, 'utf8'));
    if (!playbooks.ok) throw new Error(`the shipped playbook library is invalid:\n${playbooks.issues.map(formatIssue).join('\n')}`);
    const p = mutationSchemas['playbookLibrary.import'].parse({ source: 'shipped', ...playbooks.value });
    add('playbooks', p.playbooks);
    add('playbookRevisions', p.revisions);
    add('approvals', p.approvals);
    return new ShippedLibrary(rows);
  }

  static empty(): ShippedLibrary {
    return new ShippedLibrary(new Map());
  }

  get size(): number {
    return this.rows.size;
  }

  /** True when `row` is, field for field, the shipped row of that id (clocks aside: they are the importer's). */
  has(table: DomainTable, row: { id: string }): boolean {
    const shipped = this.rows.get(`${table}\u0000${row.id}`);
    if (!shipped) return false;
    const { clock: _a, ...mine } = row as Record<string, unknown>;
    const { clock: _b, ...theirs } = shipped;
    return sameJson(mine, theirs);
  }
}
