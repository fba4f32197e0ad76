import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { activeIndex, enterAction, moveActive, paletteList, type Answered } from '../../../renderer/src/features/palette/paletteList';

/**
 * The palette acts only on rows that answer the text now in the box. QA pasted "hackeo" and pressed
 * Enter at once: the answers shown were still the ones for the empty box, and Enter opened the first
 * of those. Here: answers for another text are never listed, so no key reaches them; Enter with
 * nothing listed yet waits.
 */

const answer = (id: string) => ({ id });
const command = (id: string) => ({ id });
const list = (text: string, commands: string[], answered: Answered<{ id: string }>, searchFailed = false) =>
  paletteList({ text, commands: commands.map(command), answered, searchFailed });

describe('palette rows', () => {
  it('lists the answers only once they answer the text in the box', () => {
    const stale = list('hackeo', [], { text: '', hits: [answer('a'), answer('b')] });
    expect(stale.options).toEqual([]);
    expect(stale.pending).toBe(true);
    const fresh = list('hackeo', [], { text: 'hackeo', hits: [answer('b')] });
    expect(fresh.options.map((o) => o.key)).toEqual(['answer:b']);
    expect(fresh.pending).toBe(false);
    // Nothing asked yet (the palette just opened): waiting for the first answer.
    expect(list('', [], { text: null, hits: [] }).pending).toBe(true);
  });

  it('puts the commands the text matches first', () => {
    const rows = list('import', ['import'], { text: 'import', hits: [answer('a'), answer('b')] });
    expect(rows.options.map((o) => o.key)).toEqual(['command:import', 'answer:a', 'answer:b']);
  });

  it('does not wait for a search that failed', () => {
    const rows = list('leak', [], { text: '', hits: [answer('a')] }, true);
    expect(rows).toEqual({ options: [], pending: false });
    expect(enterAction(rows, null)).toEqual({ do: 'nothing' });
  });

  it('Enter opens the active row, waits while nothing is listed yet, else does nothing', () => {
    const waiting = list('hackeo', [], { text: '', hits: [answer('a')] });
    expect(enterAction(waiting, null)).toEqual({ do: 'wait' });
    expect(enterAction(waiting, 'answer:a')).toEqual({ do: 'wait' });
    // A command is listed while the answers are coming: it is first, and stays first.
    const withCommand = list('exp yam', ['export-yaml'], { text: 'exp ya', hits: [answer('a')] });
    expect(enterAction(withCommand, null)).toEqual({ do: 'choose', index: 0 });
    const none = list('zxqv', [], { text: 'zxqv', hits: [] });
    expect(enterAction(none, null)).toEqual({ do: 'nothing' });
    const rows = list('data', [], { text: 'data', hits: [answer('a'), answer('b'), answer('c')] });
    expect(enterAction(rows, 'answer:c')).toEqual({ do: 'choose', index: 2 });
    // The active row has gone (a new text): the first.
    expect(enterAction(rows, 'answer:z')).toEqual({ do: 'choose', index: 0 });
  });

  it('arrows move through the listed rows, wrapping, and do nothing with none', () => {
    const rows = list('data', ['c1'], { text: 'data', hits: [answer('a'), answer('b')] });
    expect(moveActive(rows.options, null, 1)).toBe('answer:a');
    expect(moveActive(rows.options, 'answer:b', 1)).toBe('command:c1');
    expect(moveActive(rows.options, null, -1)).toBe('answer:b');
    expect(moveActive(rows.options, 'gone', -1)).toBe('answer:b');
    expect(moveActive([], null, 1)).toBeNull();
    expect(activeIndex([], 'answer:a')).toBe(-1);
  });

  const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 5 });
  const text = fc.constantFrom('', 'h', 'ha', 'hackeo', 'leak', 'Leak');
  const keyPresses = fc.array(fc.constantFrom<1 | -1>(1, -1), { maxLength: 8 });

  test.prop([text, fc.option(text, { nil: null }), ids, ids, fc.boolean(), keyPresses])(
    'no arrows and no Enter ever reach an answer for another text; commands always come first',
    (typed, answeredFor, commandIds, answerIds, failed, presses) => {
      const rows = list(typed, commandIds, { text: answeredFor, hits: answerIds.map(answer) }, failed);
      const fresh = answeredFor === typed;
      const kinds = rows.options.map((o) => o.kind);
      expect(kinds).toEqual([...commandIds.map(() => 'command'), ...(fresh ? answerIds.map(() => 'answer') : [])]);
      expect(rows.pending).toBe(!fresh && !failed);
      let active: string | null = null;
      for (const step of presses) active = moveActive(rows.options, active, step) ?? active;
      const enter = enterAction(rows, active);
      if (enter.do === 'choose') {
        const chosen = rows.options[enter.index]!;
        if (chosen.kind === 'answer') expect(fresh).toBe(true);
        if (presses.length > 0) expect(chosen.key).toBe(active);
      } else {
        expect(rows.options).toEqual([]);
        expect(enter.do).toBe(rows.pending ? 'wait' : 'nothing');
      }
    },
  );
});
