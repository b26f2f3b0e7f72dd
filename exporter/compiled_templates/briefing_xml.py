from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'briefing.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_authors = resolve('authors')
    l_0_tool = resolve('tool')
    l_0_summary = resolve('summary')
    l_0_keywords = resolve('keywords')
    l_0_meta = resolve('meta')
    l_0_m = l_0_b = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_4 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'briefing.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_b = context.vars['b'] = environment.get_template('_briefing.xml.j2', 'briefing.xml.j2')._get_default_module(context)
    context.exported_vars.discard('b')
    yield '<document kind="briefing" title="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '" author="'
    yield escape((t_1(context.eval_ctx, t_3(context, t_2(context, (undefined(name='authors') if l_0_authors is missing else l_0_authors), attribute='name')), ', ') or environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name')))
    yield '" subject="'
    yield escape(t_4((undefined(name='summary') if l_0_summary is missing else l_0_summary), 30))
    yield '" keywords="'
    yield escape(t_1(context.eval_ctx, (undefined(name='keywords') if l_0_keywords is missing else l_0_keywords), '; '))
    yield '" header="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '" lang="'
    yield escape((environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language') or 'en'))
    yield '">\n'
    yield from context.blocks['title_block'][0](context)
    yield from context.blocks['key_points'][0](context)
    yield from context.blocks['summary'][0](context)
    yield from context.blocks['quotations'][0](context)
    yield from context.blocks['questions'][0](context)
    yield from context.blocks['timeline'][0](context)
    yield from context.blocks['actors'][0](context)
    yield from context.blocks['figures'][0](context)
    yield from context.blocks['full_text'][0](context)
    yield from context.blocks['source'][0](context)
    yield '</document>\n'

def block_title_block(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    l_0_meta = resolve('meta')
    l_0_title = resolve('title')
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield '<p style="meta">'
    yield escape((environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'issue_line'), (undefined(name='meta') if l_0_meta is missing else l_0_meta), _block_vars=_block_vars) or 'Briefing'))
    yield '</p>\n<p style="title">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'):
        pass
        yield '<p style="subtitle">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'))
        yield '</p>'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'url'):
        pass
        yield '<p style="meta"><a href="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'url'))
        yield '">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'url'))
        yield '</a></p>'
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'byline'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))
    yield '\n'

def block_key_points(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'key_points'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_summary(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'summary'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_quotations(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'quotations'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_questions(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'questions'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_timeline(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'timeline'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_actors(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'actors'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_figures(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'figures'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_full_text(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield '<pagebreak/>\n'
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'full_text'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))
    yield '\n'

def block_source(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    l_0_generated = resolve('generated')
    l_0_tool = resolve('tool')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'source'), (undefined(name='article') if l_0_article is missing else l_0_article), generated=(undefined(name='generated') if l_0_generated is missing else l_0_generated), tool=(undefined(name='tool') if l_0_tool is missing else l_0_tool), _block_vars=_block_vars))

blocks = {'title_block': block_title_block, 'key_points': block_key_points, 'summary': block_summary, 'quotations': block_quotations, 'questions': block_questions, 'timeline': block_timeline, 'actors': block_actors, 'figures': block_figures, 'full_text': block_full_text, 'source': block_source}
debug_info = '4=42&5=44&6=47&7=59&14=60&15=61&16=62&17=63&18=64&19=65&20=66&21=67&25=68&7=71&8=85&9=87&10=89&11=94&12=101&14=104&15=116&16=128&17=140&18=152&19=164&20=176&21=188&23=199&25=202'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
