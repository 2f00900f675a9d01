import Testing
@testable import TechTrackerSynth

