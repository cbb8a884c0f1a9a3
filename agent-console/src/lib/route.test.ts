import { describe, expect, test } from 'vitest';
import { pathFor, routeFor } from './route';

describe('routeFor', () => {
  test.each([
    { role: 'agent', path: '', expected: 'agent' },
    { role: 'agent', path: 'reports', expected: 'agent' },
    { role: 'agent', path: 'wallboard', expected: 'agent' },
    { role: 'agent', path: 'manager', expected: 'agent' },
    { role: 'manager', path: '', expected: 'manager' },
    { role: 'manager', path: 'manager', expected: 'manager' },
    { role: 'manager', path: 'elsewhere', expected: 'manager' },
    { role: 'manager', path: 'reports', expected: 'reports' },
    { role: 'manager', path: 'reports/', expected: 'reports' },
    { role: 'manager', path: 'wallboard', expected: 'wallboard' },
    { role: 'manager', path: 'wallboard/', expected: 'wallboard' },
    { role: 'admin', path: 'manager', expected: 'manager' },
    { role: 'admin', path: 'reports', expected: 'reports' },
    { role: 'admin', path: 'wallboard', expected: 'wallboard' },
    { role: 'manager', path: 'audit', expected: 'audit' },
    { role: 'admin', path: 'audit/', expected: 'audit' },
    { role: 'agent', path: 'audit', expected: 'agent' },
    { role: 'admin', path: 'admin/kiosks', expected: 'admin' },
    { role: 'manager', path: 'admin/people', expected: 'manager' },
    { role: 'agent', path: 'admin', expected: 'agent' },
  ] as const)('sends a $role at "$path" to the $expected screen', ({ role, path, expected }) => {
    expect(routeFor(role, path)).toBe(expected);
  });
});

describe('pathFor', () => {
  test.each([
    { route: 'agent', expected: '/console/' },
    { route: 'manager', expected: '/console/manager' },
    { route: 'reports', expected: '/console/reports' },
    { route: 'wallboard', expected: '/console/wallboard' },
    { route: 'audit', expected: '/console/audit' },
  ] as const)('puts the $route screen at $expected', ({ route, expected }) => {
    expect(pathFor(route, '/console/')).toBe(expected);
  });
});
