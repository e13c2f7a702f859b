"""Progress over weeks and months: the data behind each chart of the progress screen, and its sentences.

Pure: the store hands over aggregates bounded by the window shown and these modules turn them into the series
the charts draw and the sentences under them. `today` is always passed in.

- `rows`: what the store's aggregate queries return (a row per day, or per Monday week);
- `ranges`: the ranges offered, their windows and resolution; `buckets`: weeks folded into chart buckets;
- `series`: sums, means, rolling averages, ladder steps and the load ratio; `asymmetry`; `markers` (deloads,
  strains, races, the reassessment due date); `sentences`: trend clauses;
- `data`: what every chart shares and the container of the charts; `from_days` / `from_weeks`: the inputs
  of a short or long window;
- one module per chart (`nordic`, `pain`, `running`, `sprint`, `assessments`): its data class, its
  `build` function and its sentence. The progress screen's chart registry (`hamjournal.ui.chart_registry`)
  names them.

No imports here: importing one module must not load the others (start-up time).
"""
