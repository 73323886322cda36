-- The story level. A row of "stories" is one event (one happening, the unit of clustering);
-- thread_key links events into a story (a thread of related events): every event of a story
-- carries the same thread_key. event_day is the day the event happened as its articles tell, or
-- NULL when none says. Events stored before V4 form a story of their own.
ALTER TABLE stories ADD COLUMN thread_key VARCHAR(200);
ALTER TABLE stories ADD COLUMN event_day DATE;
UPDATE stories SET thread_key = story_key WHERE thread_key IS NULL;
CREATE INDEX stories_thread ON stories (thread_key, id);
