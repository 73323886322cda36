-- Headlines for untitled stories summarized before V2: the opening of their first summary
-- sentence (later summaries write a word-boundary cut).
UPDATE stories SET headline = (
  SELECT SUBSTRING(ss.sentence_text FROM 1 FOR 100)
  FROM summaries m JOIN summary_sentences ss ON ss.summary_id = m.id AND ss.idx = 0
  WHERE m.story_id = stories.id)
WHERE title IS NULL AND headline IS NULL;
