import Testing
@testable import TechTrackerGzip

