// Per-model alert rules, kept in this browser (localStorage) as the partial JSON `tourney monitor
// --rules` and `tourney export --alert-rules` read, over the kernels' defaults.
import { DEFAULT_ALERT_RULES, resolveAlertRules, type AlertRules } from '../../kernels/monitor/alert-rules';

const KEY = 'tourney-monitor-rules:';

export function loadRules(model: string): AlertRules {
  try {
    const text = globalThis.localStorage?.getItem(KEY + model);
    return text ? resolveAlertRules(JSON.parse(text)) : structuredClone(DEFAULT_ALERT_RULES);
  } catch {
    // Rules written by an older app that no longer resolve: the defaults, not a broken view.
    return structuredClone(DEFAULT_ALERT_RULES);
  }
}

/** Only the settings that differ from the defaults are kept (the JSON a person would write). */
export function rulesDelta(rules: AlertRules): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [rule, settings] of Object.entries(rules) as [keyof AlertRules, Record<string, unknown>][]) {
    for (const [key, value] of Object.entries(settings)) {
      if ((DEFAULT_ALERT_RULES[rule] as Record<string, unknown>)[key] !== value) (out[rule] ??= {})[key] = value;
    }
  }
  return out;
}

export function saveRules(model: string, rules: AlertRules): void {
  globalThis.localStorage?.setItem(KEY + model, JSON.stringify(rulesDelta(rules)));
}
