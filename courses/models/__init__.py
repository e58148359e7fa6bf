"""Learning models: course pages, enrolment and progress, and the quiz engine."""
