import { describe, expect, test } from 'vitest';
import { utterances, type Control, type Scene } from './utterances';

const words = { selected: 'selected', notSelected: 'not selected', on: 'on', off: 'off' };
const button = (name: string): Control => ({ name, group: null, state: null });
const radio = (name: string, group: string, chosen: boolean): Control => ({
  name,
  group,
  state: chosen ? 'selected' : 'notSelected',
});
const scene = (heading: string | null, control: Control | null = null): Scene => ({
  heading,
  control,
});

describe('what audio guidance queues for speech', () => {
  test.each<{ case: string; before: Scene | null; after: Scene; said: string[] }>([
    {
      case: 'a first screen says its heading',
      before: null,
      after: scene('Choose a service', button('Choose a service')),
      said: ['Choose a service'],
    },
    {
      case: 'a new screen says its heading, then the control already focused',
      before: scene('Choose a service', button('Passports')),
      after: scene('Your ticket', button('Cancel my ticket')),
      said: ['Your ticket', 'Cancel my ticket'],
    },
    {
      case: 'focus moving on the same screen says only the control',
      before: scene('Choose a service', button('Passports')),
      after: scene('Choose a service', button('Visas')),
      said: ['Visas'],
    },
    {
      case: 'a switch says whether it is on',
      before: scene('Welcome', button('Start')),
      after: scene('Welcome', { name: 'Audio guidance', group: null, state: 'on' }),
      said: ['Audio guidance, on'],
    },
    {
      case: 'entering a survey question says the question, then the answer under focus',
      before: scene('Thank you', button('Skip')),
      after: scene('Thank you', radio('Very good', 'How was the service overall?', false)),
      said: ['How was the service overall?', 'Very good, not selected'],
    },
    {
      case: 'choosing an answer says it is selected, without the question again',
      before: scene('Thank you', radio('Very good', 'Overall?', false)),
      after: scene('Thank you', radio('Very good', 'Overall?', true)),
      said: ['Very good, selected'],
    },
    {
      case: 'moving to the next question says that question',
      before: scene('Thank you', radio('Good', 'Overall?', true)),
      after: scene('Thank you', radio('Poor', 'Service time?', false)),
      said: ['Service time?', 'Poor, not selected'],
    },
    {
      case: 'nothing changed says nothing',
      before: scene('Welcome', button('Start')),
      after: scene('Welcome', button('Start')),
      said: [],
    },
    {
      case: 'a control without a name is not read as silence',
      before: scene('Welcome'),
      after: scene('Welcome', button('')),
      said: [],
    },
    {
      case: 'a screen still without a heading says its focused control',
      before: null,
      after: scene(null, button('Try again')),
      said: ['Try again'],
    },
  ])('$case', ({ before, after, said }) => {
    expect(utterances(before, after, words)).toEqual(said);
  });
});
