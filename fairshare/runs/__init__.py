"""Run integrity: one run per warehouse at a time, the run ledger, month close and publication.

- `lock`: a warehouse lock (a second extract/build/publish/close is refused at once).
- `ledger`: reads the run ledger the dbt hooks write (fairshare_ops.builds, month_closes,
  posted_invoice_lines, publications) and checks a month's published marts against the build that
  passed.
- `close`: `fairshare close`: freeze a month as posted.
"""
