// A record page (UI.md "Record page"): a header that says who or what it is, then tabs that open on
// demand. Only the selected tab's panel is rendered, so a person's consents or photo are fetched
// when someone opens that tab, not on every visit. The selected tab lives in the URL (the caller
// passes it in and is told of changes), so a link can open a record on a given tab.
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import type { ReactNode } from 'react';
import './record-page.css';

export interface RecordTab {
  id: string;
  label: string;
  /** Called only while the tab is selected. */
  render: () => ReactNode;
}

interface RecordTabsProps {
  /** Names the tab list for screen readers ("Secciones del expediente"). */
  label: string;
  tabs: readonly RecordTab[];
  selected: string;
  onSelect: (id: string) => void;
}

export function RecordTabs({ label, tabs, selected, onSelect }: RecordTabsProps) {
  const current = tabs.some((tab) => tab.id === selected) ? selected : (tabs[0]?.id ?? '');
  return (
    <Tabs className="record-tabs" selectedKey={current} onSelectionChange={(key: Key) => onSelect(String(key))}>
      <TabList aria-label={label} className="record-tabs__list">
        {tabs.map((tab) => (
          <Tab key={tab.id} id={tab.id} className="record-tabs__tab">
            {tab.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} id={tab.id} className="record-tabs__panel">
          {tab.id === current ? tab.render() : null}
        </TabPanel>
      ))}
    </Tabs>
  );
}

/** The header band of a record: facts and badges under the title, actions on the right. */
export function RecordHeader({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="record-header">
      <div className="record-header__facts">{children}</div>
      {actions ? <div className="record-header__actions">{actions}</div> : null}
    </div>
  );
}
