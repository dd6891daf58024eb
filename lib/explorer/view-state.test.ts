import { describe, expect, test } from 'vitest';
import { DEFAULT_COLUMNS } from './columns';
import { formatView, parseView, viewHref, withoutParam } from './view-state';

const parse = (s: string) => parseView(new URLSearchParams(s));

describe('parseView / formatView', () => {
  test('the default view is the bare path', () => {
    const r = parse('');
    expect(r.ok && r.view).toMatchObject({ split: 'verb', event: null, cols: DEFAULT_COLUMNS });
    if (r.ok) expect(viewHref(r.view)).toBe('/');
  });

  test.each([
    'from=now-7d&verb=get&split=user',
    'user=system:serviceaccount:*&user!=system:anonymous&q=kube&event=4f1a2b3c-0000-4000-8000-000000000001',
    'cols=time,user,stage&split=none',
    'code=4*&split=codeClass',
    'name=%22%3B%20DROP%20TABLE%20events%3B--&event=sha256:abc',
    'verb=get&theme=dark',
  ])('round-trips %s', (search) => {
    const r = parse(search);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parse(formatView(r.view));
    expect(again).toEqual(r);
  });

  test('a theme in the URL is part of the view and written back', () => {
    const r = parse('theme=dark&verb=get');
    expect(r.ok && r.view.theme).toBe('dark');
    expect(r.ok && formatView(r.view)).toBe('verb=get&theme=dark');
    const plain = parse('');
    expect(plain.ok && plain.view.theme).toBeNull();
  });

  test('writes the view params after the query, defaults left out', () => {
    const r = parse('split=verb&event=abc&verb=get&cols=user,time');
    expect(r.ok && formatView(r.view)).toBe('verb=get&cols=time,user&event=abc');
  });

  test.each([
    ['split=colour', 'split', 'expected one of user'],
    ['split=auditID', 'split', 'got "auditID"'],
    ['split=user&split=verb', 'split', 'given 2 times'],
    ['cols=time,bogus', 'cols', 'got "bogus"'],
    ['event=a%0Ab', 'event', 'without control characters'],
    ['vrb=get', 'vrb', 'did you mean "verb"?'],
    ['theme=%3Cscript%3E', 'theme', 'expected light or dark, got "<script>"'],
    ['theme=dark&theme=light', 'theme', 'given 2 times'],
  ])('%s names %s', (search, param, message) => {
    const r = parse(search);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.param).toBe(param);
    expect(r.error.message).toContain(message);
  });

  test('withoutParam drops every occurrence of one param', () => {
    expect(withoutParam(new URLSearchParams('vrb=get&user=a&vrb=x'), 'vrb')).toBe('/?user=a');
    expect(withoutParam(new URLSearchParams('vrb=get'), 'vrb')).toBe('/');
  });
});
