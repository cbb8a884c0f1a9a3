import { agentContract, type SkillChoice } from '@loket/shared';
import { useEffect, useState } from 'react';
import { agentCommand } from '../lib/agent-commands';
import { agentSocket } from '../lib/agent-socket';
import { listenTo } from '../lib/commands';

/**
 * The officer's own skills, named; null until known. Read again when an administrator changes the
 * office (a renamed service) and replaced when they change the officer's skills.
 */
export function useMySkills(): SkillChoice[] | null {
  const [skills, setSkills] = useState<SkillChoice[] | null>(null);
  useEffect(() => {
    let open = true;
    const read = () =>
      void agentCommand('agent:skills', {})
        .then((answer) => open && setSkills(answer.skills))
        .catch(() => undefined);
    read();
    const stop = listenTo(agentSocket(), agentContract.events, {
      'agent:skills': (answer) => setSkills(answer.skills),
      'office:changed': read,
    });
    return () => {
      open = false;
      stop();
    };
  }, []);
  return skills;
}
