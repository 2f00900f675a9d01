/// The synthetic corpus.
public enum TechTrackerSynth {}
