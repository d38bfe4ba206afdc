// The exercise format's foundations: JSON with positions (so a problem names its line) and the
// JSON Schema validator that applies labs/exercise.schema.json.
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithPositions } from '../../src/labs/json-positions.js';
import { fieldName, unsupportedKeywords, validateJson } from '../../src/labs/json-schema.js';
import { EXERCISE_SCHEMA } from '../../src/labs/exercise.js';

describe('JSON with positions', () => {
  it('parses like JSON.parse and knows where each value and key starts', () => {
    const text = '{\n  "id": "x",\n  "tasks": [\n    { "title": "a", "n": -1.5e2, "ok": true, "no": null }\n  ]\n}\n';
    const r = parseJsonWithPositions(text);
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.positions.get('')).toEqual({ line: 1, column: 1 });
    expect(r.positions.get('/id')).toEqual({ line: 2, column: 9 });
    expect(r.keyPositions.get('/id')).toEqual({ line: 2, column: 3 });
    expect(r.positions.get('/tasks/0/title')).toEqual({ line: 4, column: 16 });
    expect(r.positions.get('/tasks/0/n')).toEqual({ line: 4, column: 26 });
  });

  it('escapes keys in pointers and decodes string escapes', () => {
    const r = parseJsonWithPositions('{"a/b~c": "\\u00e9\\n\\"x\\""}');
    expect(r.value).toEqual({ 'a/b~c': 'é\n"x"' });
    expect(r.positions.has('/a~1b~0c')).toBe(true);
  });

  const bad: [string, string, number, number][] = [
    ['{\n  "a": 1,\n}', 'trailing commas are not JSON', 3, 1],
    ['{\n  "a": 1\n  "b": 2\n}', "Expected ',' or '}'", 3, 3],
    ['{ "a": 1, "a": 2 }', "The property 'a' appears twice.", 1, 11],
    ['{ "a": "x\ny" }', 'control character or a line break', 1, 10],
    ['[1, 2', "Expected ',' or ']'", 1, 6],
    ['{ a: 1 }', 'property name in double quotes', 1, 3],
    ['{ "a": tru }', 'Expected a value', 1, 8],
    ['{} x', 'after the end of the document', 1, 4],
    ['"\\q"', 'Invalid escape sequence', 1, 2],
  ];
  for (const [text, message, line, column] of bad) {
    it(`reports ${JSON.stringify(text)} at line ${line}, column ${column}`, () => {
      let err: unknown;
      try {
        parseJsonWithPositions(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(JsonSyntaxError);
      expect((err as JsonSyntaxError).message).toContain(message);
      expect((err as JsonSyntaxError).position).toEqual({ line, column });
    });
  }
});

describe('the JSON Schema validator', () => {
  it('applies every keyword the shipped exercise schema uses', () => {
    expect(unsupportedKeywords(EXERCISE_SCHEMA)).toEqual([]);
    expect(unsupportedKeywords({ type: 'object', properties: { a: { oneOf: [] } } })).toEqual(['oneOf']);
  });

  it('reports each problem at the pointer of the value (or the key of an unknown property)', () => {
    const problems = validateJson(EXERCISE_SCHEMA, {
      id: 'Bad Id',
      title: '',
      summary: 's',
      level: 'Expert',
      minutes: 2.5,
      exchangeVersion: '2007 SP1',
      colour: 'red',
      start: { clockOffsetDays: -1 },
      tasks: [{ title: 't', goal: 'g', checks: [{ test: '1' }], hints: [] }],
    });
    const byPointer = Object.fromEntries(problems.map((p) => [p.pointer, p.message]));
    expect(byPointer['/id']).toContain('does not match the pattern');
    expect(byPointer['/title']).toBe('must not be empty.');
    expect(byPointer['/level']).toBe('must be one of "Beginner", "Intermediate", "Advanced"; it is "Expert".');
    expect(byPointer['/minutes']).toBe('must be an integer, not a number.');
    expect(byPointer['/colour']).toContain('is not a known property');
    expect(problems.find((p) => p.pointer === '/colour')!.atKey).toBe(true);
    expect(byPointer['/start/clockOffsetDays']).toBe('must be at least 0.');
    expect(byPointer['/tasks/0/checks/0']).toBe("must have the property 'missing'.");
    expect(byPointer['/tasks/0/hints']).toBe('must have at least one element.');
  });

  it('names fields as an author reads them', () => {
    expect(fieldName('/tasks/0/checks/1/test')).toBe('tasks[0].checks[1].test');
    expect(fieldName('')).toBe('(the document)');
    expect(fieldName('/a~1b')).toBe('a/b');
  });
});
