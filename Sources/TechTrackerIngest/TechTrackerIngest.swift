/// Reading exports into `Work` values.
public enum TechTrackerIngest {}
