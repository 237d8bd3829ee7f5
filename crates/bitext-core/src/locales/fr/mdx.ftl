## Sources MDX

error-source-conflict = l’article a deux sources, { $md } et { $mdx } : n’en gardez qu’une
# Affiché dans un export HTML d’un article MDX, dont les composants JSX sont omis.
export-mdx-note = Les composants interactifs de la page d’origine ne sont pas reproduits.
