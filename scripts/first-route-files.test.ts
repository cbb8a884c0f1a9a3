import { describe, expect, test } from 'vitest';
import { firstRouteFiles } from './first-route-files.js';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;

/** A built site from a table of its files. */
const site = (files: Record<string, string>) => ({
  base: '/kiosk/',
  read: (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`no ${path}`);
    return text;
  },
});

describe('the first route of a built page', () => {
  test.each<{ case: string; files: Record<string, string>; expected: string[] }>([
    {
      case: 'the entry script alone',
      files: {
        'index.html': page('<script type="module" crossorigin src="/kiosk/assets/a.js"></script>'),
        'assets/a.js': 'console.log(1)',
      },
      expected: ['assets/a.js'],
    },
    {
      case: 'modulepreload links beside the entry',
      files: {
        'index.html': page(
          '<script type="module" src="/kiosk/assets/a.js"></script>' +
            '<link rel="modulepreload" crossorigin href="/kiosk/assets/b.js">',
        ),
        'assets/a.js': '',
        'assets/b.js': '',
      },
      expected: ['assets/a.js', 'assets/b.js'],
    },
    {
      case: 'chunks imported statically, followed each once',
      files: {
        'index.html': page('<script type="module" src="/kiosk/assets/a.js"></script>'),
        'assets/a.js': 'import{x}from"./b.js";import"./c.js";export{y}from"./b.js";',
        'assets/b.js': 'import{z}from"./c.js";',
        'assets/c.js': 'import{w}from"./b.js";',
      },
      expected: ['assets/a.js', 'assets/b.js', 'assets/c.js'],
    },
    {
      case: 'no chunk that is only imported dynamically',
      files: {
        'index.html': page('<script type="module" src="/kiosk/assets/a.js"></script>'),
        'assets/a.js': 'const later=()=>import("./lazy.js");',
      },
      expected: ['assets/a.js'],
    },
    {
      case: 'no stylesheet and no script from another site',
      files: {
        'index.html': page(
          '<script type="module" src="https://cdn.example/x.js"></script>' +
            '<script type="module" src="/kiosk/assets/a.js"></script>' +
            '<link rel="stylesheet" href="/kiosk/assets/a.css">',
        ),
        'assets/a.js': '',
      },
      expected: ['assets/a.js'],
    },
  ])('holds $case', ({ files, expected }) => {
    expect(firstRouteFiles(site(files))).toEqual(expected);
  });
});
