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
        t_3 = environment.filters['running_head']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'running_head' found.")
    try:
        t_4 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_5 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'briefing.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_b = context.vars['b'] = environment.get_template('_briefing.xml.j2', 'briefing.xml.j2')._get_default_module(context)
    context.exported_vars.discard('b')
    yield '<document kind="briefing" title="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '" author="'
    yield escape((t_1(context.eval_ctx, t_4(context, t_2(context, (undefined(name='authors') if l_0_authors is missing else l_0_authors), attribute='name')), ', ') or environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name')))
    yield '" subject="'
    yield escape(t_5((undefined(name='summary') if l_0_summary is missing else l_0_summary), 30))
    yield '" keywords="'
    yield escape(t_1(context.eval_ctx, (undefined(name='keywords') if l_0_keywords is missing else l_0_keywords), '; '))
    yield '" header="'
    yield escape(t_3((undefined(name='title') if l_0_title is missing else l_0_title)))
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
debug_info = '4=48&5=50&6=53&7=65&14=66&15=67&16=68&17=69&18=70&19=71&20=72&21=73&25=74&7=77&8=91&9=93&10=95&11=100&12=107&14=110&15=122&16=134&17=146&18=158&19=170&20=182&21=194&23=205&25=208'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
