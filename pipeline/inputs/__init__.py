"""Reading articles as sources give them: files, folders, stdin, JSONL, HTML, URLs, front matter."""
