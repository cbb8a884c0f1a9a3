import { useTranslation } from 'react-i18next';
import { useMySkills } from '../hooks/useMySkills';
import { useUiLanguage } from '../hooks/useUiLanguage';

/** What the officer may be offered: their services, languages and other skills, read-only. */
export function MySkills() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const skills = useMySkills();
  if (!skills) return null;
  return (
    <div className="agent-skills">
      <h3>{t('agent.skills')}</h3>
      {skills.length === 0 ? (
        <p className="subtle">{t('agent.noSkills')}</p>
      ) : (
        <ul>
          {skills.map((skill) => (
            <li key={skill.skill}>{skill.name[language]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
