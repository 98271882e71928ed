// The workbench's views (notebook, features, AutoML, …) are sections of one scrolling page; this
// strip names them, shows which one is in view and jumps to one on click.
import { useEffect, useState, type RefObject } from 'react';

export interface ViewSection {
  id: string;
  label: string;
}

export function sectionElementId(id: string): string {
  return `wb-view-${id}`;
}

/** Scrolls the page to a view's section (from the strip, the top bar or a link); false if it is not there. */
export function scrollToSection(id: string): boolean {
  const element = document.getElementById(sectionElementId(id));
  if (!element) return false;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // A smooth scroll stops short when the page above the target grows meanwhile (cells mounting
  // their editors as the app opens): once it settles, land on the section for sure.
  const scroller = element.closest<HTMLElement>('.wb-scroll');
  if (!scroller) return true;
  let done = false;
  const settle = () => {
    if (done) return;
    done = true;
    scroller.removeEventListener('scrollend', settle);
    const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    if (Math.abs(offset) > 2 && !atBottom) element.scrollIntoView({ block: 'start' });
  };
  scroller.addEventListener('scrollend', settle);
  setTimeout(settle, 1500);
  return true;
}

export function ViewNav({ sections, container }: { sections: readonly ViewSection[]; container: RefObject<HTMLDivElement | null> }) {
  const [active, setActive] = useState(sections[0]?.id);

  useEffect(() => {
    const scroller = container.current;
    if (!scroller) return;
    const onScroll = () => {
      const top = scroller.getBoundingClientRect().top;
      let current = sections[0]?.id;
      for (const section of sections) {
        const element = document.getElementById(sectionElementId(section.id));
        if (element && element.getBoundingClientRect().top - top <= 80) current = section.id;
      }
      setActive(current);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [container, sections]);

  const go = (id: string) => {
    if (scrollToSection(id)) setActive(id);
  };

  return (
    <nav className="wb-view-nav" aria-label="Views">
      {sections.map((section) => (
        <button
          key={section.id}
          type="button"
          className={`wb-view-tab${section.id === active ? ' wb-on' : ''}`}
          data-testid={`view-tab-${section.id}`}
          aria-current={section.id === active ? 'true' : undefined}
          onClick={() => go(section.id)}
        >
          {section.label}
        </button>
      ))}
    </nav>
  );
}
