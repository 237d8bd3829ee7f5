## MDX sources

error-source-conflict = article sources { $md } and { $mdx } both exist: keep only one of them
# Shown in an HTML export of an MDX article, whose JSX components are left out.
export-mdx-note = The interactive components of the original page are not included.
