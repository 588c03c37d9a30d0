# Unicode database generator: see tools/unicodegen (written by the unicode work).
