import Testing
@testable import TechTrackerStore

