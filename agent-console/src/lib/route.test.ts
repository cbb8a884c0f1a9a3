import { describe, expect, test } from 'vitest';
import { pathFor, requestedRoute, routeFor } from './route';

describe('routeFor', () => {
  test.each([
    { role: 'agent', requested: null, expected: 'agent' },
    { role: 'manager', requested: null, expected: 'manager' },
    { role: 'admin', requested: null, expected: 'manager' },
    { role: 'manager', requested: 'wallboard', expected: 'wallboard' },
    { role: 'admin', requested: 'wallboard', expected: 'wallboard' },
    { role: 'agent', requested: 'wallboard', expected: 'agent' },
    { role: 'agent', requested: 'manager', expected: 'agent' },
  ] as const)(
    'sends a $role who asked for $requested to the $expected screen',
    ({ role, requested, expected }) => {
      expect(routeFor(role, requested)).toBe(expected);
    },
  );
});

describe('requestedRoute', () => {
  test.each([
    { pathname: '/console/', expected: 'agent' },
    { pathname: '/console/manager', expected: 'manager' },
    { pathname: '/console/wallboard', expected: 'wallboard' },
    { pathname: '/console/wallboard/', expected: 'wallboard' },
    { pathname: '/console/elsewhere', expected: null },
    { pathname: '/kiosk/wallboard', expected: null },
  ])('reads $pathname as $expected', ({ pathname, expected }) => {
    expect(requestedRoute(pathname, '/console/')).toBe(expected);
  });
});

describe('pathFor', () => {
  test.each([
    { route: 'agent', expected: '/console/' },
    { route: 'manager', expected: '/console/manager' },
    { route: 'wallboard', expected: '/console/wallboard' },
  ] as const)('puts the $route screen at $expected', ({ route, expected }) => {
    expect(pathFor(route, '/console/')).toBe(expected);
  });
});
