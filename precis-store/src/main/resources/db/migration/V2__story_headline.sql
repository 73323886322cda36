-- A headline for stories whose articles carry no title: the opening of the summary's first
-- sentence, written with each summary.
ALTER TABLE stories ADD COLUMN headline VARCHAR(300);
