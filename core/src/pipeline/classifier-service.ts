import type { ResolvedOptions } from '../config/options.js';
import { ValidationError } from '../errors.js';
import type {
  BlacklistPolicy, BlockEntry, RequestRecord, FeatureClassifier, FeatureExtractor, ModelVerdict, SessionFeatures, Storage, TextClassifier,
} from '../ports/index.js';
import { isAllowedIp } from './allow-list.js';
import { coalescedFeatureClassifier, coalescedTextClassifier } from './coalesced-models.js';
import { rememberingTextClassifier } from './recent-text-verdicts.js';
import { inputsByField, sessionView } from './session-inputs.js';
import { slicedTextClassifier } from './sliced-text-classifier.js';
import { featureVerdict, textVerdict } from './verdicts.js';

export interface ClassifierDeps {
  storage: Storage;
  options: ResolvedOptions;
  extractors: readonly FeatureExtractor[];
  textClassifiers: readonly TextClassifier[];
  featureClassifiers: readonly FeatureClassifier[];
  policy: BlacklistPolicy;
  /** Called with every block written, so the in-memory blocklist sees it at once. */
  onBlocked?: (entry: BlockEntry) => void;
}

/** What classifying a session produced: its stored row, and the block it caused (if any). */
export interface Classification {
  session: SessionFeatures;
  block?: BlockEntry;
  /** In monitor mode: the block the policy asked for, not applied. */
  wouldBlock?: { reason: string; durationSec: number };
}

export const MAX_SESSION_ID_LENGTH = 64;

/** Checks a session ID from outside (API, CLI) before it gets near a query. */
export function checkSessionId(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new ValidationError('"sesID" must be a non-empty string.', 'WARDEN_BAD_SESSION_ID');
  if (value.length > MAX_SESSION_ID_LENGTH) throw new ValidationError(`"sesID" is longer than ${MAX_SESSION_ID_LENGTH} characters.`, 'WARDEN_BAD_SESSION_ID');
  return value;
}

/**
 * Given a session ID: load its requests once, extract every feature, ask every model, store the
 * verdict, then let the blacklist policy decide about the client.
 */
export class ClassifierService {
  /**
   * The models, each taking the inputs of sessions classified at the same time in one call; a
   * deterministic text model answers inputs it has seen recently from memory, and a text model
   * gets the rest in slices small enough not to hold up requests for long.
   */
  private readonly textModels: readonly TextClassifier[];
  private readonly featureModels: readonly FeatureClassifier[];

  constructor(private readonly deps: ClassifierDeps) {
    this.textModels = deps.textClassifiers.map((m) => {
      const sliced = slicedTextClassifier(m);
      return coalescedTextClassifier(m.deterministic ? rememberingTextClassifier(sliced) : sliced);
    });
    this.featureModels = deps.featureClassifiers.map(coalescedFeatureClassifier);
  }

  get useModels(): boolean {
    const { options, textClassifiers, featureClassifiers } = this.deps;
    return options.useModels && textClassifiers.length + featureClassifiers.length > 0;
  }

  /**
   * Returns null when no request of that session is stored. `held`: the session's records, oldest
   * first, when the caller still has them all in memory (they are then not read back).
   */
  async classify(sessionID: string, held?: readonly RequestRecord[]): Promise<Classification | null> {
    const { storage } = this.deps;
    const requests = held ?? await storage.requests.findBySession(checkSessionId(sessionID));
    if (requests.length === 0) return null;
    const view = sessionView(sessionID, requests[0]!.clientIP, requests);

    const features: Record<string, number> = {};
    for (const extractor of this.deps.extractors) {
      for (const [name, value] of Object.entries(extractor.extract(view))) {
        if (typeof value === 'number') features[name] = value;
      }
    }
    const verdicts = this.useModels ? await this.runModels(view.inputs, features) : [];
    const session: SessionFeatures = {
      sessionID,
      clientIP: view.clientIP,
      startTimestamp: requests[0]!.timestamp,
      endTimestamp: requests[requests.length - 1]!.timestamp,
      features,
      reqBodiesData: inputsByField(view.inputs),
      // A monitor-mode model's verdict is recorded but has no say.
      behavior: !this.useModels ? 'newSession' : verdicts.some((v) => v.abnormal && !v.monitor) ? 'Abnormal' : 'Normal',
      // The store keeps a session that is already counted towards a block inactive.
      active: true,
      verdicts,
      classifiedAt: new Date(),
    };
    session.active = await storage.sessions.saveClassification(session);
    const result: Classification = { session };
    if (session.behavior === 'Abnormal' && session.active) await this.applyPolicy(session, result);
    return result;
  }

  private async runModels(inputs: Parameters<typeof textVerdict>[1], features: Record<string, number>): Promise<ModelVerdict[]> {
    const verdicts = await Promise.all([
      ...this.textModels.map((m) => textVerdict(m, inputs)),
      ...this.featureModels.map((m) => featureVerdict(m, features)),
    ]);
    const { textClassifiers, featureClassifiers } = this.deps; // the models as registered, with their modes
    [...textClassifiers, ...featureClassifiers].forEach((model, i) => { if (model.mode === 'monitor') verdicts[i]!.monitor = true; });
    return verdicts;
  }

  private async applyPolicy(session: SessionFeatures, result: Classification): Promise<void> {
    const { options, storage, policy } = this.deps;
    if (!options.blockIP || isAllowedIp(session.clientIP, options.allowIPs)) return;
    const now = new Date();
    const activeAbnormal = await storage.sessions.activeAbnormal(session.clientIP);
    const decision = await policy.decide({ clientIP: session.clientIP, activeAbnormal, latest: session, now });
    if (!decision.block) return;
    if (options.mode === 'monitor' || policy.mode === 'monitor') {
      result.wouldBlock = { reason: decision.reason, durationSec: decision.durationSec };
      return;
    }
    const entry: BlockEntry = {
      clientIP: session.clientIP, blockedAt: now,
      blockedUntil: new Date(now.getTime() + decision.durationSec * 1000),
      reason: `${policy.name}: ${decision.reason}`, refusedCount: 0,
    };
    await storage.blocklist.block(entry);
    await storage.sessions.deactivate(decision.deactivate);
    if (decision.deactivate.includes(session.sessionID)) session.active = false;
    this.deps.onBlocked?.(entry);
    result.block = entry;
  }
}
