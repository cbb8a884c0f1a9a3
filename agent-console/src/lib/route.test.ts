import { describe, expect, test } from 'vitest';
import { pathFor, routeFor } from './route';

describe('routeFor', () => {
  test.each([
    { role: 'agent', expected: 'agent' },
    { role: 'manager', expected: 'manager' },
    { role: 'admin', expected: 'manager' },
  ] as const)('sends a $role to the $expected screen', ({ role, expected }) => {
    expect(routeFor(role)).toBe(expected);
  });
});

describe('pathFor', () => {
  test.each([
    { route: 'agent', expected: '/console/' },
    { route: 'manager', expected: '/console/manager' },
  ] as const)('puts the $route screen at $expected', ({ route, expected }) => {
    expect(pathFor(route, '/console/')).toBe(expected);
  });
});
