"""After the scores: shortlists and their publication, public objections, the presentation
schedule, field visits, the final results with feedback and certificates."""
