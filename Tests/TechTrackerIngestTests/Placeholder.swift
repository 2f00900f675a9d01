import Testing
@testable import TechTrackerIngest

