import Testing
@testable import TechTrackerCore

