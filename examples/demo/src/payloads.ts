import { generateTextDataset, isHeldOut } from '@session-warden/training';

export type AttackClass = 'sqli' | 'xss' | 'path_traversal' | 'cmd_injection';
export const ATTACK_CLASSES: readonly AttackClass[] = ['sqli', 'xss', 'path_traversal', 'cmd_injection'];

/** The parameter a scanner puts each kind of payload in. */
export const PAYLOAD_FIELD: Record<AttackClass, string> = { sqli: 'id', xss: 'q', path_traversal: 'file', cmd_injection: 'host' };

export interface DemoTexts {
  attacks: Record<AttackClass, string[]>;
  /** What real visitors type into review and search boxes. */
  benign: string[];
}

/**
 * Payloads and benign text from the project's generators, held-out split only: the demo shows
 * the text model inputs it never trained on.
 */
export function demoTexts(seed: number): DemoTexts {
  const attacks: Record<AttackClass, string[]> = { sqli: [], xss: [], path_traversal: [], cmd_injection: [] };
  const benign: string[] = [];
  for (const { text, label } of generateTextDataset({ seed, size: 6000, benignShare: 0.4 })) {
    if (!isHeldOut(text) || text.length > 300) continue;
    if (label === 'benign') benign.push(text);
    else attacks[label as AttackClass].push(text);
  }
  return { attacks, benign };
}
