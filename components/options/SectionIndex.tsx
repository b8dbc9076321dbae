import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SECTIONS } from './sections';

/** The section being read: the last one whose top has passed the top fifth of the window (the last at the bottom of the page). */
function sectionInView(): string {
  const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  let current: string = SECTIONS[0].id;
  for (const { id } of SECTIONS) {
    const section = document.getElementById(id);
    if (section && (atBottom || section.getBoundingClientRect().top <= window.innerHeight / 5)) current = id;
  }
  return current;
}

/** Links to the sections; on wide windows it stays in view beside them and marks the one read. */
export function SectionIndex() {
  const [current, setCurrent] = useState<string>(SECTIONS[0].id);
  useEffect(() => {
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(sectionInView()));
    };
    follow();
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, []);
  return (
    <nav class="section-index" aria-label={t('options_index_label')}>
      <ul>
        {SECTIONS.map(({ id, label }) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={current === id ? 'location' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
