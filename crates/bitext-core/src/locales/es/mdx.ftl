## Fuentes MDX

error-source-conflict = el artículo tiene dos fuentes, { $md } y { $mdx }: conserve solo una
# Se muestra en una exportación HTML de un artículo MDX, cuyos componentes JSX se omiten.
export-mdx-note = Los componentes interactivos de la página original no se incluyen.
