import { createHash } from 'node:crypto';
import type { PaperProfile } from '../profile/paper-profile.js';
import { ARCHIVE_SCHEMA } from './archive-db.js';

/**
 * A hash of everything in the paper profile that shapes the stored archive and its index: the
 * schema version, the user dictionary, stopwords, generic nouns, publication cues, topics and places,
 * and the paper's name, masthead markers and time zone. A different fingerprint means one full rebuild
 * from the issue files. Left out on purpose: the manifest (each file's entry is part of that file's
 * content hash, so an edit re-ingests only that issue) and example questions (they shape nothing stored).
 * `schema`: an older schema's fingerprint, to tell whether an archive of that schema can be migrated in place.
 */
export function configFingerprint(profile: Pick<PaperProfile, 'userDict' | 'stopwords' | 'genericNouns' | 'publicationCues' | 'topics'>, paper: PaperProfile['paper'], schema = ARCHIVE_SCHEMA): string {
  const h = createHash('sha256');
  const part = (name: string, value: unknown) => {
    const text = JSON.stringify(value);
    h.update(`${name} ${text.length}\n${text}\n`);
  };
  part('schema', schema);
  part('userDict', profile.userDict);
  part('stopwords', [...profile.stopwords].sort());
  part('genericNouns', [...profile.genericNouns].sort());
  part('publicationCues', profile.publicationCues);
  part('topics', profile.topics);
  part('paper', { name: paper.name, markers: paper.mastheadMarkers, timeZone: paper.timeZone });
  return h.digest('hex');
}
