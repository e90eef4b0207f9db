import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { catalogOf, boundariesOf } from '../../state/selectors';
import type { AiAddsValue, Scenario, ScenarioWorkshop } from '../../state/scenario';
import { ScenarioError, scenarioToFile } from '../../state/scenarioCodec';
import { leftBehindFiles, scenarioLink, type LeftBehind } from '../../state/scenarioLink';
import type { LibraryEntry } from '../../state/scenarioLibrary';
import { rankingCsv } from '../../export/csv';
import { scoredGeoJson } from '../../export/geojson';
import { announceLibraryChange, library, refreshLibrary } from './scenarioUi';

/** What a panel action was doing when it failed: the error message names it. */
type Operation = 'save' | 'duplicate' | 'rename' | 'delete' | 'import' | 'share' | 'export' | 'list';
import { download, errorText, fileStem, svgToPng, useScenarioContext, warningLines } from './common';
import { useMapSvg } from './StaticMap';
import './scenarios.css';

/** A text field edited locally and written to the scenario on blur, so typing never re-ranks. */
function DraftField({ label, value, onCommit, multiline, hint, testId, placeholder }: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; hint?: string; testId: string; placeholder?: string }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setDraft(value);
  }
  const commit = () => draft !== value && onCommit(draft);
  // Typing is committed after a short pause too, so the working copy holds it if the page dies mid-sentence.
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onCommit(draft), 800);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);
  const common = {
    id,
    value: draft,
    placeholder,
    'data-testid': testId,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onBlur: commit,
  };
  return (
    <div className="sc-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}

/** «eventos.csv» (SHA-256 1a2b3c4d5e6f); … — the files a link names but cannot carry. */
export function filesText(files: readonly LeftBehind[]): string {
  return files.map((f) => `«${f.name}» (SHA-256 ${f.sha})`).join('; ');
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="sc-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** The scenario with its provenance filled in, as it is saved, shared and exported. */
export function stamped(s: Scenario, dataVersion: string | null | undefined, fallbackTitle: string): Scenario {
  return { ...s, title: s.title || fallbackTitle, dataVersion: dataVersion ?? s.dataVersion, updatedAt: new Date().toISOString() };
}

export function ScenarioPanel() {
  const { t, i18n } = useTranslation();
  const open = useStore((s) => s.view.workshop.panelOpen);
  const { setPanelOpen, setScreen: setView, setCurrentId } = useStore.getState();
  const refresh = refreshLibrary;
  const entries = useStore((s) => s.view.workshop.entries);
  const unreadable = useStore((s) => s.view.workshop.unreadable);
  const currentId = useStore((s) => s.view.workshop.currentId);
  const currentRevision = useStore((s) => s.view.workshop.currentRevision);
  const scenario = useStore((s) => s.scenario);
  const catalog = useStore(catalogOf);
  const setWorkshop = useStore((s) => s.setWorkshop);
  // An error names the operation that failed and, for a save refused by another tab's, offers the ways out.
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; op?: Operation; lines: string[]; choices?: { label: string; run: () => void }[] } | null>(null);
  // The link shown is for the scenario as it was: any change hides it.
  const [shared, setShared] = useState<{ url: string; scenario: typeof scenario } | null>(null);
  const link = shared && shared.scenario === scenario ? shared.url : null;
  const leftBehind = useMemo(() => leftBehindFiles(scenario), [scenario]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [pngRequested, setPngRequested] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const ctx = useScenarioContext(open ? scenario : null);
  // the PNG's SVG is built only when asked for
  const pngSvg = useMapSvg(pngRequested ? ctx : null, { width: 1200, height: 900, full: true });
  const untitled = () => t('scenarios.untitled');

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    refresh().catch((err) => setStatus({ kind: 'error', op: 'list', lines: [errorText(err, t)] }));
  }, [open, refresh, t]);


  useEffect(() => {
    if (!pngSvg || !ctx) return;
    svgToPng(pngSvg, 1200, 900)
      .then((blob) => download(`${fileStem(ctx.scenario, t('scenarios.untitled'))}.png`, blob))
      .catch((err) => setStatus({ kind: 'error', op: 'export', lines: [errorText(err, t)] }))
      .finally(() => setPngRequested(false));
  }, [pngSvg, ctx, t]);

  if (!open) return null;
  const close = () => {
    setPanelOpen(false);
    document.querySelector<HTMLButtonElement>('[data-testid="open-scenarios"]')?.focus();
  };
  const ok = (...lines: string[]) => setStatus({ kind: 'ok', lines });
  const fail = (op: Operation, err: unknown) => setStatus({ kind: 'error', op, lines: [errorText(err, t)] });
  /** After a change to the saved scenarios: this tab's list, then the other tabs'. */
  const changed = async () => {
    await refresh();
    announceLibraryChange();
  };
  const patch = (p: Partial<ScenarioWorkshop>) => setWorkshop(p);
  const current = () => stamped(useStore.getState().scenario, catalog?.inputsSha256, untitled());

  const save = async (asNew: boolean) => {
    try {
      const s = current();
      const target = !asNew && currentId !== null ? { id: currentId, revision: currentRevision ?? 0 } : undefined;
      const entry = await library.save(s, target);
      setWorkshop({ title: entry.scenario.title, updatedAt: entry.scenario.updatedAt, dataVersion: entry.scenario.dataVersion });
      setCurrentId(entry.id, entry.revision);
      await changed();
      ok(t('scenarios.notices.saved', { name: entry.name }));
    } catch (err) {
      fail('save', err);
      if (err instanceof ScenarioError && (err.key === 'staleSave' || err.key === 'deletedElsewhere')) {
        // never a silent overwrite: keep mine as a copy, or take theirs
        const theirs = err.key === 'staleSave' ? (await library.list()).entries.find((e) => e.id === currentId) : undefined;
        setStatus((st) => st && {
          ...st,
          choices: [
            {
              label: t('scenarios.conflict.keepMine'),
              run: () => {
                setWorkshop({ title: t('scenarios.list.copyOf', { name: useStore.getState().scenario.title || untitled() }) });
                void save(true);
              },
            },
            ...(theirs ? [{ label: t('scenarios.conflict.takeTheirs'), run: () => openEntry(theirs) }] : []),
          ],
        });
        await refresh().catch(() => undefined);
      }
    }
  };
  const openEntry = (e: LibraryEntry) => {
    useStore.getState().setScenario(e.scenario);
    setCurrentId(e.id, e.revision);
    ok(t('scenarios.notices.opened', { name: e.name }));
  };
  const duplicate = async (e: LibraryEntry) => {
    try {
      const copy = await library.duplicate(e, t('scenarios.list.copyOf', { name: e.name }));
      await changed();
      ok(t('scenarios.notices.duplicated', { name: copy.name }));
    } catch (err) {
      fail('duplicate', err);
    }
  };
  const rename = async (e: LibraryEntry, name: string) => {
    setRenaming(null);
    if (!name.trim() || name === e.name) return;
    try {
      const r = await library.rename(e, name.trim());
      if (r.id === currentId) {
        setWorkshop({ title: r.name });
        setCurrentId(r.id, r.revision);
      }
      await changed();
      ok(t('scenarios.notices.renamed', { name: r.name }));
    } catch (err) {
      fail('rename', err);
      await refresh().catch(() => undefined);
    }
  };
  const remove = async (e: LibraryEntry) => {
    if (!window.confirm(t('scenarios.list.confirmDelete', { name: e.name }))) return;
    try {
      await library.remove(e);
      if (e.id === currentId) setCurrentId(null);
      await changed();
      ok(t('scenarios.notices.deleted', { name: e.name }));
    } catch (err) {
      fail('delete', err);
      await refresh().catch(() => undefined);
    }
  };
  const importFile = async (file: File) => {
    try {
      const { entry, warnings } = await library.importText(await file.text(), file.name.replace(/\.json$/i, ''));
      await changed();
      ok(t('scenarios.notices.imported', { name: entry.name }), ...warningLines(warnings, t));
    } catch (err) {
      fail('import', err);
    }
  };
  const share = async () => {
    try {
      const url = await scenarioLink(current(), window.location.href);
      setShared({ url, scenario });
    } catch (err) {
      fail('share', err);
    }
  };
  const copyLink = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      ok(t('scenarios.actions.copied'));
    } catch {
      document.querySelector<HTMLInputElement>('[data-testid="scenario-link"]')?.select();
    }
  };
  const exportJson = () => {
    const s = current();
    download(`${fileStem(s, untitled())}.json`, new Blob([scenarioToFile(s)], { type: 'application/json' }));
  };
  const exportCsv = () => ctx && download(`${fileStem(ctx.scenario, untitled())}.csv`, new Blob([rankingCsv({ ...ctx, scenario: current(), exportedAt: new Date().toISOString() })], { type: 'text/csv;charset=utf-8' }));
  const exportGeoJson = () => {
    const b = boundariesOf(useStore.getState(), scenario.level);
    if (!ctx || !b) return;
    const g = scoredGeoJson({ ...ctx, scenario: current(), exportedAt: new Date().toISOString() }, b);
    download(`${fileStem(ctx.scenario, untitled())}.geojson`, new Blob([JSON.stringify(g)], { type: 'application/geo+json' }));
  };
  // the effect above rasterises the SVG once it is built
  const exportPng = () => setPngRequested(true);
  const dateFmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-PE', { dateStyle: 'medium', timeStyle: 'short' });
  const aiOptions: AiAddsValue[] = ['si', 'no', 'no_sabemos'];

  return (
    <div
      className="sc-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="sc-panel-title"
      data-testid="scenario-panel"
      onKeyDown={(e) => e.key === 'Escape' && renaming === null && close()}
    >
      <header>
        <h2 id="sc-panel-title">{t('scenarios.panelTitle')}</h2>
        <button ref={closeRef} type="button" onClick={close}>
          {t('scenarios.close')}
        </button>
      </header>
      <p className="sc-note">{t('scenarios.decisionNote')}</p>
      <div aria-live="polite" data-testid="scenario-status">
        {status && (
          <div className={status.kind === 'error' ? 'error' : 'sc-ok'} role={status.kind === 'error' ? 'alert' : undefined}>
            {status.kind === 'error' && <strong>{t(`scenarios.errors.failed.${status.op ?? 'open'}`)}: </strong>}
            {status.lines.map((l, k) => (
              <p key={k}>{l}</p>
            ))}
            {status.choices && (
              <div className="sc-choices" data-testid="scenario-conflict">
                {status.choices.map((c) => (
                  <button key={c.label} type="button" onClick={c.run}>
                    {c.label}
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
      </div>

      <Section title={t('scenarios.sections.scenario')}>
        <DraftField label={t('scenarios.fields.title')} value={scenario.title} onCommit={(title) => patch({ title })} testId="scenario-title" />
        <DraftField label={t('scenarios.fields.author')} value={scenario.author} onCommit={(author) => patch({ author })} testId="scenario-author" />
        <DraftField
          label={t('scenarios.fields.question')}
          value={scenario.question}
          onCommit={(question) => patch({ question })}
          multiline
          hint={t('scenarios.fields.questionHint')}
          placeholder={t('app.question')}
          testId="scenario-question"
        />
      </Section>

      <Section title={t('scenarios.sections.canvas')}>
        <DraftField label={t('scenarios.fields.decision')} value={scenario.canvas.decision} onCommit={(decision) => patch({ canvas: { ...useStore.getState().scenario.canvas, decision } })} multiline testId="canvas-decision" />
        <DraftField label={t('scenarios.fields.innovation')} value={scenario.canvas.innovation} onCommit={(innovation) => patch({ canvas: { ...useStore.getState().scenario.canvas, innovation } })} multiline testId="canvas-innovation" />
        <fieldset className="sc-radios">
          <legend>{t('scenarios.fields.ai')}</legend>
          {aiOptions.map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="sc-ai"
                value={v}
                checked={scenario.canvas.ai.addsValue === v}
                onChange={() => {
                  const c = useStore.getState().scenario.canvas;
                  patch({ canvas: { ...c, ai: { ...c.ai, addsValue: v } } });
                }}
              />
              {t(`scenarios.ai.${v}`)}
            </label>
          ))}
        </fieldset>
        <DraftField
          label={t('scenarios.fields.aiWhy')}
          value={scenario.canvas.ai.why}
          onCommit={(why) => {
            const c = useStore.getState().scenario.canvas;
            patch({ canvas: { ...c, ai: { ...c.ai, why } } });
          }}
          multiline
          testId="canvas-ai-why"
        />
      </Section>

      <Section title={t('scenarios.sections.minutes')}>
        <DraftField
          label={t('scenarios.fields.participants')}
          value={scenario.participants.join('\n')}
          onCommit={(v) => patch({ participants: v.split('\n').map((x) => x.trim()).filter(Boolean) })}
          multiline
          testId="minutes-participants"
        />
        <DraftField label={t('scenarios.fields.agreements')} value={scenario.agreements} onCommit={(agreements) => patch({ agreements })} multiline testId="minutes-agreements" />
        <DraftField label={t('scenarios.fields.decisions')} value={scenario.decisions} onCommit={(decisions) => patch({ decisions })} multiline testId="minutes-decisions" />
      </Section>

      <Section title={t('scenarios.sections.actions')}>
        {!library.persistent && (
          <p className="error" role="note" data-testid="saving-off">
            {t('scenarios.notPersistent')}
          </p>
        )}
        <div className="sc-buttons">
          <button type="button" data-testid="scenario-save" disabled={!library.persistent} onClick={() => void save(false)}>
            {t('scenarios.actions.save')}
          </button>
          {currentId && (
            <button type="button" data-testid="scenario-save-new" disabled={!library.persistent} onClick={() => void save(true)}>
              {t('scenarios.actions.saveNew')}
            </button>
          )}
          <button type="button" data-testid="scenario-share" onClick={() => void share()}>
            {t('scenarios.actions.share')}
          </button>
        </div>
        {link && (
          <div className="sc-link">
            <label htmlFor="sc-link">{t('scenarios.actions.linkLabel')}</label>
            <input id="sc-link" readOnly value={link} data-testid="scenario-link" onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copyLink()}>
              {t('scenarios.actions.copy')}
            </button>
            <span className="muted small">{t('scenarios.actions.linkLength', { n: link.length })}</span>
          </div>
        )}
        {leftBehind.length > 0 && (
          // said before the link is copied: it names the files but cannot carry them (issue 17)
          <p className="warning small" role="note" data-testid="scenario-link-files">
            {t('scenarios.actions.linkFiles', { files: filesText(leftBehind) })}
          </p>
        )}
        <h4>{t('scenarios.actions.exportsLabel')}</h4>
        <div className="sc-buttons">
          <button type="button" data-testid="export-csv" disabled={!ctx} onClick={exportCsv}>
            {t('scenarios.actions.csv')}
          </button>
          <button type="button" data-testid="export-geojson" disabled={!ctx} onClick={exportGeoJson}>
            {t('scenarios.actions.geojson')}
          </button>
          <button type="button" data-testid="export-png" disabled={!ctx} onClick={exportPng}>
            {t('scenarios.actions.png')}
          </button>
          <button type="button" data-testid="export-json" onClick={exportJson}>
            {t('scenarios.actions.exportJson')}
          </button>
        </div>
        <div className="sc-field">
          <label htmlFor="sc-import">{t('scenarios.actions.importJson')}</label>
          <input
            id="sc-import"
            type="file"
            accept=".json,application/json"
            data-testid="scenario-import"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
        <h4>{t('scenarios.actions.viewsLabel')}</h4>
        <div className="sc-buttons">
          <button type="button" data-testid="open-report" onClick={() => setView('report')}>
            {t('scenarios.actions.report')}
          </button>
          <button type="button" data-testid="open-compare" onClick={() => setView('compare')}>
            {t('scenarios.actions.compare')}
          </button>
          <button type="button" onClick={() => setView('present')}>
            {t('scenarios.actions.present')}
          </button>
        </div>
      </Section>

      <Section title={t('scenarios.sections.saved')}>
        {unreadable > 0 && <p className="warning">{t('scenarios.list.unreadable', { count: unreadable })}</p>}
        {entries.length === 0 ? (
          <p className="muted">{t('scenarios.list.empty')}</p>
        ) : (
          <ul className="sc-list" data-testid="scenario-list">
            {entries.map((e) => (
              <li key={e.id} data-entry={e.id}>
                <div>
                  <strong className="sc-name">{e.name}</strong>
                  {e.id === currentId && <span className="badge">{t('scenarios.list.current')}</span>}
                  <div className="muted small">{t('scenarios.list.savedAt', { date: e.savedAt ? dateFmt.format(new Date(e.savedAt)) : '—' })}</div>
                </div>
                {renaming === e.id ? (
                  <RenameForm entry={e} onDone={(name) => void rename(e, name)} onCancel={() => setRenaming(null)} />
                ) : (
                  <div className="sc-buttons">
                    <button type="button" aria-label={t('scenarios.list.openNamed', { name: e.name })} onClick={() => openEntry(e)}>
                      {t('scenarios.list.open')}
                    </button>
                    <button type="button" aria-label={t('scenarios.list.duplicateNamed', { name: e.name })} onClick={() => void duplicate(e)}>
                      {t('scenarios.list.duplicate')}
                    </button>
                    <button type="button" aria-label={t('scenarios.list.renameNamed', { name: e.name })} onClick={() => setRenaming(e.id)}>
                      {t('scenarios.list.rename')}
                    </button>
                    <button type="button" aria-label={t('scenarios.list.deleteNamed', { name: e.name })} onClick={() => void remove(e)}>
                      {t('scenarios.list.delete')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function RenameForm({ entry, onDone, onCancel }: { entry: LibraryEntry; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(entry.name);
  const id = useId();
  return (
    <form
      className="sc-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(name);
      }}
    >
      <label htmlFor={id}>{t('scenarios.list.newName', { name: entry.name })}</label>
      <input
        id={id}
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit">{t('scenarios.list.rename')}</button>
    </form>
  );
}
