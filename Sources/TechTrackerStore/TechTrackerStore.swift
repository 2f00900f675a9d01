/// The embedded SQLite store.
public enum TechTrackerStore {}
