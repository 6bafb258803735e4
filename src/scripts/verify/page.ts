/**
 * The verify page's client: gathers what was given (a dropped or chosen file, pasted text, a URL), runs the
 * verifier in the browser with an HTTP resolver over `fetch`, and shows the report in the live region.
 * The verifier, and the heavy code it loads on demand (JSON-LD canonicalization, the JSON schema), are
 * fetched on the first verification only. The email never leaves the page: it is hashed here.
 */
import type { Language } from '../../core/model/types.ts';
import type { VerificationReport, VerifyInput } from '../../core/verify/index.ts';
import { type VerifyUiKey, verifyTexts } from '../../core/verify/messages.ts';
import { mirrorResolver, servedRootOf } from './origin.ts';
import { renderReport } from './render.ts';

type Source = 'file' | 'text' | 'url';

const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';

export function startVerifyPage(): void {
  const root = document.querySelector<HTMLElement>('[data-verify]');
  const form = root?.querySelector<HTMLFormElement>('[data-verify-form]');
  const result = root?.querySelector<HTMLElement>('[data-verify-result]');
  const fileInput = form?.querySelector<HTMLInputElement>('#verify-file');
  const textInput = form?.querySelector<HTMLTextAreaElement>('#verify-text');
  const urlInput = form?.querySelector<HTMLInputElement>('#verify-url');
  const emailInput = form?.querySelector<HTMLInputElement>('#verify-email');
  const dropZone = form?.querySelector<HTMLElement>('[data-drop-zone]');
  const switcher = root?.querySelector<HTMLButtonElement>('[data-language-switch]');
  if (!root || !form || !result || !fileInput || !textInput || !urlInput || !emailInput || !dropZone) return;

  const params = new URLSearchParams(window.location.search);
  const requested = params.get('lang');
  let language: Language = isLanguage(requested)
    ? requested
    : isLanguage(root.dataset.language)
      ? root.dataset.language
      : 'fr';
  // Served from another address than the configured one (a preview, a staging host): the site's own
  // documents are read from this copy, and the page says so.
  const siteRoot = root.dataset.siteRoot ?? '';
  const servedRoot = servedRootOf(window.location.href);
  const mirror = root.querySelector<HTMLElement>('[data-verify-mirror]');
  const showMirror = () => {
    if (!mirror || !siteRoot || siteRoot === servedRoot) return;
    mirror.hidden = false;
    mirror.textContent = verifyTexts(language)
      .ui('mirrored')
      .replace('{served}', servedRoot)
      .replace('{site}', siteRoot);
  };
  let lastSource: Source | undefined;
  let lastReport: VerificationReport | undefined;
  let running = 0;

  const show = (node: Node | string) => {
    result.replaceChildren(node);
  };

  const applyLanguage = (next: Language) => {
    language = next;
    const t = verifyTexts(language);
    document.documentElement.lang = language;
    document.title = t.ui('title');
    for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
      node.textContent = t.ui(node.dataset.i18n as VerifyUiKey);
    }
    if (switcher) {
      switcher.textContent = t.ui('otherLanguage');
      switcher.lang = language === 'fr' ? 'en' : 'fr';
    }
    showMirror();
    if (lastReport) show(renderReport(lastReport, language));
  };

  const currentInput = async (): Promise<VerifyInput | undefined> => {
    const file = fileInput.files?.[0];
    const text = textInput.value.trim();
    const url = urlInput.value.trim();
    const available: Record<Source, boolean> = {
      file: file !== undefined,
      text: text !== '',
      url: url !== '',
    };
    const source =
      lastSource && available[lastSource]
        ? lastSource
        : (['file', 'text', 'url'] as const).find((s) => available[s]);
    if (source === 'file' && file) return { bytes: new Uint8Array(await file.arrayBuffer()) };
    if (source === 'text') return { text };
    if (source === 'url') return { url };
    return undefined;
  };

  const verify = async () => {
    const t = verifyTexts(language);
    const input = await currentInput();
    if (input === undefined) {
      lastReport = undefined;
      show(t.ui('nothing'));
      return;
    }
    const run = ++running;
    root.setAttribute('aria-busy', 'true');
    show(t.ui('checking'));
    let report: VerificationReport;
    try {
      const [{ verifyBadge }, { createHttpResolver }] = await Promise.all([
        import('../../core/verify/index.ts'),
        import('../../shell/verify/http.ts'),
      ]);
      const email = emailInput.value.trim();
      report = await verifyBadge(input, {
        resolver: siteRoot
          ? mirrorResolver(createHttpResolver(), siteRoot, servedRoot)
          : createHttpResolver(),
        now: new Date(),
        ...(email !== '' && { email }),
      });
    } catch (error) {
      // The verifier itself could not be loaded (offline, a deployment in progress): say so honestly.
      const detail = error instanceof Error ? error.message : String(error);
      report = {
        verdict: 'error',
        input: { container: 'unknown' },
        checks: [
          {
            id: 'format',
            status: 'failure',
            verdict: 'error',
            message: detail,
            problems: [{ code: 'VERIFIER_UNAVAILABLE', title: 'The verifier could not be loaded', detail }],
          },
        ],
        payloads: [],
        checkedAt: new Date().toISOString(),
      };
    }
    if (run !== running) return; // a newer verification started meanwhile
    root.removeAttribute('aria-busy');
    lastReport = report;
    show(renderReport(report, language));
  };

  fileInput.addEventListener('change', () => {
    lastSource = 'file';
    void verify();
  });
  textInput.addEventListener('input', () => {
    lastSource = 'text';
  });
  urlInput.addEventListener('input', () => {
    lastSource = 'url';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void verify();
  });
  switcher?.addEventListener('click', () => applyLanguage(language === 'fr' ? 'en' : 'fr'));

  for (const type of ['dragenter', 'dragover'] as const) {
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'dragend'] as const) {
    dropZone.addEventListener(type, () => dropZone.classList.remove('dragging'));
  }
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    fileInput.files = files;
    lastSource = 'file';
    void verify();
  });

  if (language !== root.dataset.language) applyLanguage(language);
  else showMirror();
  const address = params.get('url');
  if (address) {
    urlInput.value = address;
    lastSource = 'url';
    void verify();
  }
}
