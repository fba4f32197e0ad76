// Real Dexie on an in-memory IndexedDB for every unit test that touches the database.
import 'fake-indexeddb/auto';
