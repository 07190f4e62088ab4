"""Reading: files, folders, standard input and archives into RawDocuments (stage 1)."""
