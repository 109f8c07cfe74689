import { configure } from "@testing-library/preact";
import { Blob as NodeBlob } from "node:buffer";
import "fake-indexeddb/auto";

// fake-indexeddb stores values with structuredClone, which keeps Node's Blob but turns
// jsdom's into a plain object. Real IndexedDB keeps Blobs (screenshots are stored as Blobs),
// so tests use Node's Blob to behave the same.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

// jsdom has no object URLs; the panel makes them for thumbnails.
let objectUrls = 0;
URL.createObjectURL ??= () => `blob:tresteg-test/${++objectUrls}`;
URL.revokeObjectURL ??= () => undefined;

// The component tests wait on real (fake-indexeddb) commits; on a busy two-core machine the
// default one second is too tight to tell slow from broken.
configure({ asyncUtilTimeout: 5000 });
