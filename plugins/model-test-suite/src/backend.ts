import type { FeatureClassifier, ModelLocation, SessionModelLocation, TextClassifier, WardenPlugin, createWardenContainer } from '@session-warden/core';

/** A text classifier as the backends build it: it also says which file it read. */
export type FileTextClassifier = TextClassifier & { readonly file: string };

/** What the suites need from a model backend package. */
export interface ModelBackend<T extends FileTextClassifier, S extends FeatureClassifier> {
  /** The backend's name in test titles, e.g. 'ONNX'. */
  label: string;
  /** The package's plugin factory, which must also be its default export. */
  plugin(options?: { mode?: 'monitor' }): WardenPlugin;
  defaultExport: unknown;

  /** The text classifier's name, e.g. 'onnx-text'. */
  textName: string;
  createTextClassifier(location?: ModelLocation): Promise<T>;
  releaseText(text: T): Promise<void> | void;
  /** Copies the shipped text model into `dir`: the modelFile naming it there, and the file the classifier will report reading. */
  copyShippedTextModel(dir: string): Promise<{ modelFile: string; file: string }>;
  /** Writes a valid model of the backend's format that is not a Session Warden text model; returns its modelFile. */
  writeForeignModel(dir: string): Promise<string>;
  /** A text model path of the backend's kind that does not exist. */
  missingTextModel: string;

  /** What its session classifiers' names start with, e.g. 'onnx:'. */
  sessionNamePrefix: string;
  createFeatureClassifier(options: SessionModelLocation): Promise<S>;
  registerFeatureClassifier(container: ReturnType<typeof createWardenContainer>, options: ModelLocation): Promise<S>;
  releaseSession(classifier: S): Promise<void> | void;
  /** A session model file name of the backend's kind, used where the file does not exist. */
  missingSessionModel: string;
}
